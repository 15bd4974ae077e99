# RDP published only to the management addresses: the source list keeps out the rest of the internet,
# and LAN clients too. That is the author's choice: an info finding, and no fix opens RDP to the world.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface list add name=WAN
/interface list add name=LAN
/interface list member add interface=ether1 list=WAN
/interface list member add interface=bridge list=LAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=203.0.113.2/24 interface=ether1
/ip route add gateway=203.0.113.1
/ip firewall address-list add list=mgmt-allowed address=198.51.100.7
/ip firewall address-list add list=mgmt-allowed address=198.51.100.8
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=dstnat action=dst-nat in-interface-list=WAN src-address-list=mgmt-allowed protocol=tcp dst-port=3389 to-addresses=192.168.88.20 comment="RDP for admins" # expect: dstnat-unreachable-from-lan

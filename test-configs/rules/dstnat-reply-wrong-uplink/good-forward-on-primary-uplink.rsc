# Two static uplinks; the forward is for the primary's (cable's) address, whose default route the replies use.
/interface ethernet set [ find default-name=ether1 ] name=ether1-cable
/interface ethernet set [ find default-name=ether2 ] name=ether2-fibre
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether3
/interface list add name=WAN
/interface list member add interface=ether1-cable list=WAN
/interface list member add interface=ether2-fibre list=WAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=198.51.100.10/24 interface=ether2-fibre
/ip address add address=203.0.113.2/24 interface=ether1-cable
/ip route add gateway=203.0.113.1 distance=1
/ip route add gateway=198.51.100.1 distance=2
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=443 action=dst-nat to-addresses=192.168.88.10
/ip firewall nat add chain=srcnat action=masquerade src-address=192.168.88.0/24 dst-address=192.168.88.10 protocol=tcp dst-port=443 out-interface=bridge

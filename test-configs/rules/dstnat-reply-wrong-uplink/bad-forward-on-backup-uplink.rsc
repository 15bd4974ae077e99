# Two uplinks: DHCP cable (primary, distance 1) and static fibre (distance 2). The forward takes
# connections for the fibre's address, but every reply leaves by the cable default route.
/interface ethernet set [ find default-name=ether1 ] name=ether1-cable
/interface ethernet set [ find default-name=ether2 ] name=ether2-fibre
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether3
/interface list add name=WAN
/interface list member add interface=ether1-cable list=WAN
/interface list member add interface=ether2-fibre list=WAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=198.51.100.10/24 interface=ether2-fibre
/ip dhcp-client add interface=ether1-cable
/ip route add gateway=198.51.100.1 distance=2
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=dstnat dst-address=198.51.100.10 protocol=tcp dst-port=443 action=dst-nat to-addresses=192.168.88.10 # expect: dstnat-reply-wrong-uplink
/ip firewall nat add chain=srcnat action=masquerade src-address=192.168.88.0/24 dst-address=192.168.88.10 protocol=tcp dst-port=443 out-interface=bridge
